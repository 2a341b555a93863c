/**
 * A linearizability checker for membership histories that uses what membership is: a multiset of
 * (group, PID) slots. {@link dev.procgroups.model.linearizability.slots.SlotChecker} splits a
 * history by group, refutes cheaply through each PID's projection, searches each group with a WGL
 * search specialised to counted slots, and falls back to the model's generic WGL checker.
 */
package dev.procgroups.model.linearizability.slots;
