package dev.procgroups.daemon.control;

import java.util.List;

/** What {@link Endpoint#MONITOR} returns: the subscription's id and the atomic snapshot. */
public record Monitor(String subscription, List<String> members) {}
