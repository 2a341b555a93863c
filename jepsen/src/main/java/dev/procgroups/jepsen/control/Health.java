package dev.procgroups.jepsen.control;

/** What {@link Endpoint#HEALTH} returns. */
public record Health(String node, long incarnation, long osPid) {}
