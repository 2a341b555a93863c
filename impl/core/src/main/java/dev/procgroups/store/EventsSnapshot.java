package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.List;
import java.util.Map;

/** A scope-wide subscription and every non-empty group's members, taken atomically with it. */
public record EventsSnapshot(Subscription subscription, Map<String, List<Pid>> groups) {}
