/**
 * Sequential specifications the linearizability checker tests histories against. A
 * {@link io.rafttorture.results.checker.model.Model} is pure: an initial state, a {@code step} that gives the next
 * state or says why the operation is impossible, and optional partitioning and descriptions. States are immutable
 * values with {@code equals}/{@code hashCode} (the checker caches them). {@link
 * io.rafttorture.results.checker.model.Models#byName} builds the stock models.
 */
package io.rafttorture.results.checker.model;
