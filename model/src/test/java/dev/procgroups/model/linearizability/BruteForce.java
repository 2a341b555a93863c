package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent oracle for small histories: tries every order of the calls that respects real
 * time (no memo, no event list), letting {@code :info} calls take effect or not.
 */
final class BruteForce<S> {

    private final List<Step<S>> steps = new ArrayList<>();

    BruteForce(History history, Specification<S> spec) {
        for (History.Call call : history.calls()) {
            Transition<S> t = spec.transition(call);
            if (t.matters()) {
                steps.add(new Step<>(call, t));
            }
        }
        if (steps.size() > 30) {
            throw new IllegalArgumentException("too many calls for brute force: " + steps.size());
        }
    }

    boolean linearizable(S initial) {
        return search(initial, 0);
    }

    private boolean search(S state, int placed) {
        if (allDefinitePlaced(placed)) {
            return true;
        }
        for (int c = 0; c < steps.size(); c++) {
            if ((placed & (1 << c)) == 0 && mayGoNext(c, placed)) {
                S next = steps.get(c).transition().apply(state);
                if (next != null && search(next, placed | (1 << c))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean allDefinitePlaced(int placed) {
        for (int c = 0; c < steps.size(); c++) {
            if (steps.get(c).definite() && (placed & (1 << c)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** No unplaced call returned before {@code c} was invoked. */
    private boolean mayGoNext(int c, int placed) {
        int invoked = steps.get(c).call().invokePosition();
        for (int d = 0; d < steps.size(); d++) {
            History.Call other = steps.get(d).call();
            if (d != c && (placed & (1 << d)) == 0 && other.completion() != null && steps.get(d).definite()
                    && other.completionPosition() < invoked) {
                return false;
            }
        }
        return true;
    }
}
