/**
 * Timeout sweeps: the same experiment under several Raft election timeout settings ({@link
 * io.rafttorture.results.sweep.ElectionRange}), compared side by side in tables (text and JSON) and plots.
 */
package io.rafttorture.results.sweep;
