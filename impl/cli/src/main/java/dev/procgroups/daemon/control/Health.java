package dev.procgroups.daemon.control;

/** What {@link Endpoint#HEALTH} returns. */
public record Health(String node, long incarnation, long osPid) {}
