/**
 * The Java API: process groups for Java code, beside the Lua-shaped {@code dev.procgroups.pg}.
 *
 * <p>{@link dev.procgroups.api.ProcessGroups} opens one scope on a running {@link
 * dev.procgroups.node.Node}. Group names are {@link dev.procgroups.api.GroupName}s, payloads are
 * {@link dev.procgroups.api.Payload}s (only copyable shapes can be built, so nothing compiles that
 * fails at send time; {@link dev.procgroups.api.PayloadCodec} maps a record to one), failures are
 * unchecked {@link dev.procgroups.api.GroupsException}s carrying the {@link
 * dev.procgroups.pg.ErrorKind}. Every method may be called from any Java thread; a {@link
 * dev.procgroups.api.Member} is a registered member handle (its {@code close()} is its exit), so a
 * Java object joins groups without writing a process. Listeners run on one thread per member or
 * monitor, never on the caller's.
 */
package dev.procgroups.api;
