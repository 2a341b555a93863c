/**
 * Exhaustive exploration of small clusters of replication cores: every interleaving of local calls
 * (effects taken from the single-node model), deliveries, losses, duplicates, reorderings, digest
 * ticks, failure-detector reports, one partition and heal, one restart; states merged by a 64-bit
 * hash of a canonical description. Safety is checked in every state, convergence from every quiet
 * one (after a few anti-entropy rounds on a healthy network).
 */
package dev.procgroups.props.modelcheck;
