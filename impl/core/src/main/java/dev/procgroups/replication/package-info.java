/**
 * The replication protocol of a scope, without I/O: {@link
 * dev.procgroups.replication.ReplicationCore} (membership, per scope) and {@link
 * dev.procgroups.replication.DeliveryCore} (messages to remote processes, per node) are pure state
 * machines; {@link dev.procgroups.replication.ProtocolCodec} is their validating binary form.
 * {@code dev.procgroups.cluster} drives them over a {@link dev.procgroups.transport.Transport}.
 *
 * <p>Per origin node and incarnation, changes are numbered 1, 2, …; a {@code Sync} carries the
 * whole local state as of a number, {@code Deltas} a run of consecutive changes. A receiver applies
 * a delta only on top of a sync and only if it is the next number (a duplicate is skipped, a gap
 * marks the replica unsynced and asks for a resync, once per loss). Every digest interval each node
 * sends every peer its last number and an order-free hash of its local slots; a mismatch asks for a
 * resync, and a peer silent for {@code suspectAfter} is hidden for the scope until it speaks again.
 * A peer reported down is hidden: its slots leave the view, its replica is kept; when the same
 * incarnation is back, a resync request names the replica's number and hash and the answer is the
 * net difference since then from a bounded log of changes ({@code Patch}), or the full state when
 * that is not exactly known. A newer incarnation (reported, or seen on a message) drops the older
 * one's slots and replica first; messages of older incarnations or from peers that are down are
 * ignored.
 */
package dev.procgroups.replication;
