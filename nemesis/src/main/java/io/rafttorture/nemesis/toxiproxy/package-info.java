/**
 * A small client for Toxiproxy's REST API (proxies and toxics) with bounded calls: connect 2 s, answer 30 s,
 * idempotent retries. Written on java.net.http and Jackson because toxiproxy-java sets no HTTP timeouts.
 */
package io.rafttorture.nemesis.toxiproxy;
