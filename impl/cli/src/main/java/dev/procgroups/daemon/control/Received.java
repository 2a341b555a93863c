package dev.procgroups.daemon.control;

/** One message a process received: the sender's PID, the topic and the payload. */
public record Received(String from, String topic, Object payload) {}
