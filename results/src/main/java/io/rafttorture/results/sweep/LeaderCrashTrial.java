package io.rafttorture.results.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One trial of the leader-crash experiment (Raft paper §9.3): the leader of a steady cluster is killed, and the time
 * until another node wins an election is read from that node's {@code election-won} event.
 *
 * @param setting       the election timeout range, e.g. "150-300"
 * @param trial         1-based within the setting
 * @param crashedLeader the node killed
 * @param oldTerm       its term when killed
 * @param delayMs       how long after the cluster was seen steady the kill was requested: uniform in [0, heartbeat)
 * @param crashMethod   "sigkill-from-host" (SIGKILL sent by the harness to the container's process, the engine being
 *                      local) or "docker-kill" (Docker's kill; the crash time is then Docker's exit record)
 * @param crashEpochMs  the crash moment, epoch ms: when the SIGKILL had been sent, or Docker's FinishedAt
 * @param killMs        how long the kill took: the signal call, or from Docker's kill request to its exit record
 * @param newLeader     the node that won, or null when no node won within the trial timeout
 * @param newTerm       the winner's term, or null
 * @param electionMs    from the crash to the winner's {@code election-won} event, ms; null when censored
 * @param detectionMs   from the crash to the first {@code election-started} event (a follower's timeout), ms; null
 *                      if none
 * @param firstRoundCandidates nodes that stood in the first term after the crash
 * @param firstRoundSpreadMs   between the first and the last of them, ms (how far apart the followers' timeouts
 *                             fired); null with fewer than two
 * @param terms         election rounds it took: newTerm - oldTerm (1 = the first election succeeded); when
 *                      censored, the rounds seen so far
 * @param candidacies   {@code election-started} events after the crash up to the winning term: more than one
 *                      means several nodes stood (a split vote, or candidates of successive terms)
 * @param censored      true when no leader was elected within the trial timeout
 * @param deposedBefore true when another node had won an election before the kill, so the node killed was no
 *                      longer leader: the trial is void (kept for the record, left out of the statistics)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeaderCrashTrial(String setting, int trial, int crashedLeader, long oldTerm, double delayMs,
                               String crashMethod, double crashEpochMs, double killMs, Integer newLeader, Long newTerm, Double electionMs,
                               Double detectionMs, int firstRoundCandidates, Double firstRoundSpreadMs,
                               long terms, int candidacies, boolean censored, boolean deposedBefore) {
}
