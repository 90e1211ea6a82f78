/**
 * The linearizability checker: Wing and Gong's depth-first search with Lowe's memoization, in Porcupine's form
 * (call/return entries in a doubly linked list, lift/unlift, a cache of (linearized set, model state)), checked
 * per partition (P-compositionality) under a time and memory budget whose exhaustion gives
 * {@link io.rafttorture.results.checker.Verdict#UNKNOWN}, never a guess. Entry point:
 * {@link io.rafttorture.results.checker.Checker#check}; models live in {@code checker.model}.
 *
 * <p>Semantics: fail operations did not happen and are dropped. (Jepsen's etcd logs record a cas whose comparison
 * failed as fail although it ran and saw another value; dropping it is a weaker reading that can miss a violation
 * but never reports a false one, and gives the upstream verdicts on all 102 logs.) Info and never-completed
 * operations may take effect at any point after their invocation, or never: the search succeeds once every ok
 * operation is linearized.
 *
 * <p>Beyond Porcupine, for histories with many timed-out operations: info operations with equal inputs form one
 * {@link io.rafttorture.results.checker.InfoClasses class} tried once; a configuration is pruned when a visited
 * one with the same ok operations and state used no more of each class ({@link
 * io.rafttorture.results.checker.SearchTree dominance}); models drop info operations whose effect nothing observes
 * ({@link io.rafttorture.results.checker.model.Model#prune}); a key whose search does not end within one slice
 * asks its model for a violation provable without search ({@link
 * io.rafttorture.results.checker.model.Model#violation}: for registers, a read of an overwritten value), so that
 * a stale read deep in a long history with many timeouts is reported at once; and keys are searched in slices,
 * round-robin on all cores, so that an easy invalid key ends the check while a hard one is still searching.
 */
package io.rafttorture.results.checker;
