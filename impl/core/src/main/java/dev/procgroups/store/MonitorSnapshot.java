package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.List;

/** A group subscription and the group's members taken atomically with it. */
public record MonitorSnapshot(Subscription subscription, List<Pid> members) {}
