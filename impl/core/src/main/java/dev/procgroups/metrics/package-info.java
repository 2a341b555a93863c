/**
 * Micrometer meters of a node: slots and groups per scope, protocol traffic, rejections, drops,
 * resyncs, failure detections and the replication thread's backlog.
 */
package dev.procgroups.metrics;
