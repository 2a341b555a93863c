package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.OpType;

/**
 * One call as the search sees it: its transition, and whether it has a return event (an
 * {@code :ok} or {@code :fail} completion) before which it must take effect.
 */
record Step<S>(History.Call call, Transition<S> transition) {

    boolean definite() {
        return call.outcome() != OpType.INFO;
    }
}
