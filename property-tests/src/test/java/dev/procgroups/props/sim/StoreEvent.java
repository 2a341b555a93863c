package dev.procgroups.props.sim;

import java.util.List;

/** One member event as a subscriber sees it: a group and the PIDs (once per slot) that moved. */
record StoreEvent(boolean joined, String group, List<String> pids) {}
