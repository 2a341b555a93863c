/**
 * The process runtime of one node.
 *
 * <ul>
 *   <li>{@link dev.procgroups.process.ProcessRuntime}: spawns processes ({@link
 *       dev.procgroups.process.ProcessBody} bodies on virtual threads when the JVM has them),
 *       numbers them ({@link dev.procgroups.process.Pid}), delivers messages (it is the {@link
 *       dev.procgroups.process.MessageSink}), hands other nodes' PIDs to a {@link
 *       dev.procgroups.process.RemoteRouter}.
 *   <li>{@link dev.procgroups.process.ProcessContext}: what a body uses: {@code send}, {@code
 *       listen(topic)} (one channel per topic), {@code inbox()} (messages of topics it does not
 *       listen to, including those sent before it listened), {@code killRequested()}.
 *   <li>{@link dev.procgroups.process.RunningProcess}: the outside view: exit hooks, {@code kill},
 *       exit reason.
 *   <li>{@link dev.procgroups.process.Channel} and {@link dev.procgroups.process.Select}: Lua-style
 *       channels (value + ok, closed after the buffer drains), bounded with a drop count,
 *       unbounded, or sharing one budget (a process's mailbox: 100,000 messages and 64 MiB by
 *       default, more are dropped and counted; {@link dev.procgroups.process.MailboxFullException}
 *       for a send).
 *   <li>{@link dev.procgroups.process.Payloads}: the one rule for what a payload may hold, the deep
 *       copy, and the packing of several values; a bad payload is an {@link
 *       dev.procgroups.process.InvalidPayloadException} (an {@link IllegalArgumentException}) that
 *       callers map to INVALID naming {@code payload}. The copy adds up the payload's {@link
 *       dev.procgroups.process.EncodedSize}, the one size rule (wire bytes), which mailboxes
 *       charge.
 * </ul>
 */
package dev.procgroups.process;
