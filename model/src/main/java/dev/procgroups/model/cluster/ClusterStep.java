package dev.procgroups.model.cluster;

import dev.procgroups.model.node.Step;

/** A call made on one node of the cluster truth: the new truth and that node's model step. */
public record ClusterStep(ClusterTruth truth, Step step) {}
