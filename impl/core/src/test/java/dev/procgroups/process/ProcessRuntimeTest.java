package dev.procgroups.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// A lost wake-up shows as a hang: fail it instead of waiting forever.
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProcessRuntimeTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final List<ProcessRuntime> runtimes = new ArrayList<>();

  @AfterEach
  void closeRuntimes() throws InterruptedException {
    for (ProcessRuntime runtime : runtimes) {
      assertThat(runtime.shutdown(WAIT)).isTrue();
    }
  }

  private ProcessRuntime runtime(ProcessThreads threads) {
    ProcessRuntime runtime = ProcessRuntime.builder("n1").incarnation(3).threads(threads).build();
    runtimes.add(runtime);
    return runtime;
  }

  @Test
  void pidsStartAtIncarnationShiftedBy24AndUseTheDefaultHost() {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    Pid first = runtime.spawn(context -> {}).pid();
    Pid second = runtime.spawn(context -> {}).pid();
    assertThat(first.toString()).isEqualTo("{n1@app:processes|3000000}");
    assertThat(first.id()).isEqualTo(3L << 24);
    assertThat(second.id()).isEqualTo(first.id() + 1);
    assertThat(Pid.parse(second.toString())).isEqualTo(second);
    assertThat(runtime.isLocal(first)).isTrue();
    assertThat(runtime.isLocal(new Pid("n2", "app:processes", 5))).isFalse();
  }

  @Test
  void rejectsIncarnationsOutOfRangeAndUnparseableNames() {
    assertThatThrownBy(() -> ProcessRuntime.create("n1", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessRuntime.create("n1", ProcessRuntime.MAX_INCARNATION + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessRuntime.create("n1", 1_795_000_000_000L))
        .hasMessageContaining("use seconds");
    ProcessRuntime seconds = ProcessRuntime.create("n1", 1_795_000_000L);
    runtimes.add(seconds);
    assertThat(seconds.spawn(context -> {}).pid().id()).isEqualTo(1_795_000_000L << 24);
    assertThatThrownBy(() -> ProcessRuntime.create("n|1", 1))
        .isInstanceOf(IllegalArgumentException.class);
    ProcessRuntime custom = ProcessRuntime.builder("n1").host("h:x").incarnation(1).build();
    runtimes.add(custom);
    assertThat(custom.spawn(context -> {}).pid().toString()).isEqualTo("{n1@h:x|1000000}");
  }

  @Test
  void autoUsesVirtualThreadsExactlyWhenTheJvmHasThem() {
    assertThat(ProcessThreads.virtualAvailable()).isEqualTo(Runtime.version().feature() >= 21);
    assertThat(runtime(ProcessThreads.AUTO).usesVirtualThreads())
        .isEqualTo(ProcessThreads.virtualAvailable());
    assertThat(runtime(ProcessThreads.PLATFORM).usesVirtualThreads()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = ProcessThreads.class,
      names = {"AUTO", "PLATFORM"})
  void messageCarriesSenderTopicAndPackedPayload(ProcessThreads threads) throws Exception {
    ProcessRuntime runtime = runtime(threads);
    BlockingQueue<Message> got = new ArrayBlockingQueue<>(10);
    CountDownLatch listening = new CountDownLatch(1);
    RunningProcess receiver =
        runtime.spawn(
            context -> {
              Channel<Message> channel = context.listen("task");
              listening.countDown();
              for (int i = 0; i < 3; i++) {
                got.add(channel.receive().value());
              }
            });
    listening.await();
    RunningProcess sender =
        runtime.spawn(
            context -> {
              context.send(receiver.pid(), "task");
              context.send(receiver.pid(), "task", Map.of("id", 42));
              context.send(receiver.pid(), "task", 1, "two");
            });

    assertThat(got.poll(5, TimeUnit.SECONDS))
        .isEqualTo(new Message(sender.pid(), "task", null, 1)); // bytes: its encoded size
    assertThat(got.poll(5, TimeUnit.SECONDS))
        .isEqualTo(new Message(sender.pid(), "task", Map.of("id", 42L), 7));
    assertThat(got.poll(5, TimeUnit.SECONDS))
        .isEqualTo(new Message(sender.pid(), "task", List.of(1L, "two"), 9));
    assertThat(receiver.awaitExit(WAIT)).isTrue();
    assertThat(receiver.exitReason()).contains(ExitReason.NORMAL);
  }

  @ParameterizedTest
  @EnumSource(
      value = ProcessThreads.class,
      names = {"AUTO", "PLATFORM"})
  void keepsFifoOrderPerSenderWithSeveralSenders(ProcessThreads threads) throws Exception {
    ProcessRuntime runtime = runtime(threads);
    int senders = 4;
    int perSender = 2_000;
    CompletableFuture<List<Message>> received = new CompletableFuture<>();
    CountDownLatch listening = new CountDownLatch(1);
    RunningProcess receiver =
        runtime.spawn(
            context -> {
              Channel<Message> channel = context.listen("n");
              listening.countDown();
              List<Message> messages = new ArrayList<>();
              while (messages.size() < senders * perSender) {
                messages.add(channel.receive().value());
              }
              received.complete(messages);
            });
    listening.await();
    List<Pid> senderPids = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      senderPids.add(
          runtime
              .spawn(
                  context -> {
                    for (long i = 0; i < perSender; i++) {
                      context.send(receiver.pid(), "n", i);
                    }
                  })
              .pid());
    }

    List<Message> messages = received.get(10, TimeUnit.SECONDS);
    for (Pid sender : senderPids) {
      List<Object> fromSender = new ArrayList<>();
      messages.stream()
          .filter(m -> m.from().equals(sender))
          .forEach(m -> fromSender.add(m.payload()));
      List<Object> expected = new ArrayList<>();
      for (long i = 0; i < perSender; i++) {
        expected.add(i);
      }
      assertThat(fromSender).isEqualTo(expected);
    }
  }

  @Test
  void messagesOfUnlistenedTopicsGoToTheInbox() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    CountDownLatch listening = new CountDownLatch(1);
    CountDownLatch firstSent = new CountDownLatch(1);
    CountDownLatch unlistened = new CountDownLatch(1);
    CompletableFuture<List<Object>> got = new CompletableFuture<>();
    RunningProcess process =
        runtime.spawn(
            context -> {
              Channel<Message> listened = context.listen("a");
              listening.countDown();
              firstSent.await();
              context.unlisten("a");
              unlistened.countDown();
              List<Object> seen = new ArrayList<>();
              seen.add(listened.receive().value().payload());
              seen.add(listened.receive().ok());
              seen.add(context.inbox().receive().value().payload());
              seen.add(context.inbox().receive().value().payload());
              got.complete(seen);
            });
    Pid outside = new Pid("n1", "app:processes", 1); // a sender need not be a live process
    listening.await();
    assertThat(runtime.send(outside, process.pid(), "a", "to-a")).isTrue();
    assertThat(runtime.send(outside, process.pid(), "b", "to-b")).isTrue();
    firstSent.countDown();
    unlistened.await();
    runtime.send(outside, process.pid(), "a", "after-unlisten");
    assertThat(got.get(5, TimeUnit.SECONDS))
        .containsExactly("to-a", false, "to-b", "after-unlisten");
  }

  @Test
  void listeningTwiceGivesTheSameChannelAndAClosedOneIsReplaced() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    runtime.spawn(
        context -> {
          Channel<Message> first = context.listen("t");
          boolean same = first == context.listen("t");
          first.close();
          Channel<Message> replaced = context.listen("t");
          context.send(context.pid(), "t", "self");
          done.complete(
              same && replaced != first && replaced.receive().value().payload().equals("self"));
        });
    assertThat(done.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void payloadIsCopiedSoLaterChangesByTheSenderAreInvisible() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    CountDownLatch listening = new CountDownLatch(1);
    CountDownLatch mutated = new CountDownLatch(1);
    CompletableFuture<Object> got = new CompletableFuture<>();
    RunningProcess receiver =
        runtime.spawn(
            context -> {
              Channel<Message> channel = context.listen("t");
              listening.countDown();
              mutated.await();
              got.complete(channel.receive().value().payload());
            });
    listening.await();
    List<Object> list = new ArrayList<>(List.of("a"));
    runtime.send(receiver.pid(), receiver.pid(), "t", list);
    list.add("b");
    mutated.countDown();
    assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo(List.of("a"));
  }

  @Test
  void invalidPayloadThrowsAndDeliversNothing() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    CountDownLatch sent = new CountDownLatch(1);
    CompletableFuture<Integer> inboxSize = new CompletableFuture<>();
    RunningProcess receiver =
        runtime.spawn(
            context -> {
              sent.await();
              inboxSize.complete(context.inbox().size());
            });
    assertThatThrownBy(() -> runtime.send(receiver.pid(), receiver.pid(), "t", "ok", new Object()))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageStartingWith("payload: ");
    sent.countDown();
    assertThat(inboxSize.get(5, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void sendToAnExitedOrUnknownProcessIsDropped() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    RunningProcess process = runtime.spawn(context -> {});
    assertThat(process.awaitExit(WAIT)).isTrue();
    assertThat(runtime.send(process.pid(), process.pid(), "t", 1)).isFalse();
    assertThat(runtime.deliver(process.pid(), process.pid(), "t", 1, 2)).isFalse();
    assertThat(runtime.send(process.pid(), new Pid("n1", "app:processes", 7), "t")).isFalse();
    assertThat(runtime.process(process.pid())).isEmpty();
  }

  @Test
  void aFullMailboxDropsAndCountsDeliveriesAndSendSaysSo() throws Exception {
    ProcessRuntime runtime = ProcessRuntime.builder("n1").mailboxCapacity(3).build();
    runtimes.add(runtime);
    CountDownLatch listening = new CountDownLatch(1);
    CountDownLatch filled = new CountDownLatch(1);
    BlockingQueue<Object> received = new ArrayBlockingQueue<>(10);
    RunningProcess p =
        runtime.spawn(
            context -> {
              Channel<Message> topic = context.listen("t");
              listening.countDown();
              filled.await();
              received.add(topic.receive().value().payload());
              received.add(context.inbox().receive().value().payload());
              new CountDownLatch(1).await(); // stays alive until the runtime shuts down
            });
    Pid from = new Pid("n1", "app:processes", 1);
    assertThat(listening.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(runtime.deliver(p.pid(), from, "t", 1L, 2)).isTrue();
    assertThat(runtime.send(from, p.pid(), "other", 2L)).isTrue(); // the inbox shares the capacity
    assertThat(runtime.deliver(p.pid(), from, "t", 3L, 2)).isTrue();
    assertThat(runtime.deliver(p.pid(), from, "t", 4L, 2)).as("a fourth does not fit").isFalse();
    assertThatThrownBy(() -> runtime.send(from, p.pid(), "other", 5L))
        .isInstanceOf(MailboxFullException.class)
        .hasMessageContaining("full");
    assertThat(p.droppedMessages()).isEqualTo(2);
    assertThat(runtime.droppedMessages()).isEqualTo(2);
    filled.countDown();
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(1L);
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(2L);
    assertThat(runtime.send(from, p.pid(), "t", 6L)).as("receiving made room").isTrue();
    assertThat(runtime.deliver(p.pid(), from, "t", 7L, 2)).isTrue();
    assertThat(runtime.deliver(p.pid(), from, "t", 8L, 2)).isFalse();
    assertThat(runtime.droppedMessages()).isEqualTo(3);
  }

  @Test
  void discardingAChannelGivesItsMessagesBackToTheMailbox() {
    Mailbox mailbox = new Mailbox(2, ProcessRuntime.DEFAULT_MAILBOX_BYTES, true);
    Channel<Message> topic = mailbox.listen("t");
    Pid from = new Pid("n1", "app:processes", 1);
    assertThat(mailbox.deliver(new Message(from, "t", 1L, 2)))
        .isEqualTo(Channel.PutResult.ACCEPTED);
    assertThat(mailbox.deliver(new Message(from, "t", 2L, 2)))
        .isEqualTo(Channel.PutResult.ACCEPTED);
    assertThat(mailbox.deliver(new Message(from, "u", 3L, 2))).isEqualTo(Channel.PutResult.FULL);
    topic.closeDiscarding();
    assertThat(mailbox.deliver(new Message(from, "t", 4L, 2)))
        .as("to the inbox, with room again")
        .isEqualTo(Channel.PutResult.ACCEPTED);
    assertThat(mailbox.dropped()).isEqualTo(1);
  }

  @Test
  void remotePidsGoToTheRemoteRouterWithTheCopiedPayload() {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    Pid from = new Pid("n1", "app:processes", 1);
    Pid remote = new Pid("n2", "app:processes", 9);
    assertThat(runtime.send(from, remote, "t", "dropped")).isFalse();

    List<Object[]> routed = new CopyOnWriteArrayList<>();
    runtime.remoteRouter(
        (to, sender, topic, payload) -> routed.add(new Object[] {to, sender, topic, payload}));
    List<Object> payload = new ArrayList<>(List.of(1));
    assertThat(runtime.send(from, remote, "t", payload, "x")).isTrue();
    payload.add(2);
    assertThat(routed).hasSize(1);
    assertThat(routed.get(0)).containsExactly(remote, from, "t", List.of(List.of(1L), "x"));
  }

  @ParameterizedTest
  @EnumSource(
      value = ProcessThreads.class,
      names = {"AUTO", "PLATFORM"})
  void killInterruptsABlockedReceiveAndRunsHooksOnceInOrder(ProcessThreads threads)
      throws Exception {
    ProcessRuntime runtime = runtime(threads);
    CountDownLatch waiting = new CountDownLatch(1);
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    RunningProcess process =
        runtime.spawn(
            context -> {
              Channel<Message> channel = context.listen("never");
              waiting.countDown();
              channel.receive();
              calls.add("received");
            });
    process.onExit(() -> calls.add("first:" + process.exitReason().orElseThrow()));
    process.onExit(() -> calls.add("second:" + process.alive()));
    waiting.await();
    ChannelTest.awaitWaiting(process.mailbox().listen("never"));

    assertThat(runtime.kill(process.pid())).isTrue();
    assertThat(process.awaitExit(WAIT)).isTrue();
    assertThat(process.exitReason()).contains(ExitReason.KILLED);
    assertThat(process.kill()).isFalse();
    process.onExit(() -> calls.add("late"));
    assertThat(calls).containsExactly("first:killed", "second:false", "late");
    assertThat(runtime.processCount()).isZero();
    assertThat(runtime.kill(process.pid())).isFalse();
  }

  @Test
  void killRaisesTheFlagThatABusyBodyChecks() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger spins = new AtomicInteger();
    RunningProcess process =
        runtime.spawn(
            context -> {
              started.countDown();
              while (!context.killRequested()) {
                spins.incrementAndGet();
                Thread.onSpinWait();
              }
            });
    started.await();
    process.kill();
    assertThat(process.awaitExit(WAIT)).isTrue();
    assertThat(process.exitReason()).contains(ExitReason.KILLED);
  }

  @Test
  void killListenersRunOnceOnKillAndNotOnANormalExit() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    AtomicInteger killed = new AtomicInteger();
    CountDownLatch registered = new CountDownLatch(1);
    CompletableFuture<ProcessContext> context = new CompletableFuture<>();
    RunningProcess victim =
        runtime.spawn(
            c -> {
              c.onKill(killed::incrementAndGet);
              context.complete(c);
              registered.countDown();
              c.inbox().receive();
            });
    registered.await();
    victim.kill();
    victim.kill();
    assertThat(victim.awaitExit(WAIT)).isTrue();
    assertThat(killed).hasValue(1);
    context.get().onKill(killed::incrementAndGet); // after the kill: runs at once
    assertThat(killed).hasValue(2);

    AtomicInteger notKilled = new AtomicInteger();
    RunningProcess normal = runtime.spawn(c -> c.onKill(notKilled::incrementAndGet));
    assertThat(normal.awaitExit(WAIT)).isTrue();
    assertThat(normal.kill()).isFalse();
    assertThat(notKilled).hasValue(0);
  }

  @Test
  void exitClosesTheMailboxSoHoldersOfItsChannelsSeeClosed() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    CompletableFuture<Channel<Message>> leaked = new CompletableFuture<>();
    RunningProcess process =
        runtime.spawn(
            context -> {
              Channel<Message> channel = context.listen("t");
              context.send(context.pid(), "t", "buffered");
              leaked.complete(channel);
            });
    assertThat(process.awaitExit(WAIT)).isTrue();
    Channel<Message> channel = leaked.get();
    assertThat(channel.isClosed()).isTrue();
    assertThat(channel.receive().value().payload()).isEqualTo("buffered");
    assertThat(channel.receive().ok()).isFalse();
  }

  @Test
  void exitReasonTellsNormalFromFailed() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    IllegalStateException boom = new IllegalStateException("boom");
    RunningProcess normal = runtime.spawn(context -> {});
    RunningProcess failed =
        runtime.spawn(
            context -> {
              throw boom;
            });
    assertThat(normal.awaitExit(WAIT)).isTrue();
    assertThat(failed.awaitExit(WAIT)).isTrue();
    assertThat(normal.exitReason()).contains(ExitReason.NORMAL);
    assertThat(failed.exitReason()).contains(new ExitReason.Failed(boom));
    assertThat(failed.alive()).isFalse();
  }

  @Test
  void aFailingHookDoesNotStopTheOthers() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    RunningProcess process = runtime.spawn(context -> release.await());
    process.onExit(
        () -> {
          throw new IllegalStateException("hook fails on purpose");
        });
    process.onExit(ran::incrementAndGet);
    release.countDown();
    assertThat(process.awaitExit(WAIT)).isTrue();
    assertThat(ran).hasValue(1);
  }

  @Test
  void shutdownKillsEveryProcessAndRefusesNewOnes() throws Exception {
    ProcessRuntime runtime = ProcessRuntime.create("n1", 1);
    List<RunningProcess> processes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      processes.add(runtime.spawn(context -> context.inbox().receive()));
    }
    assertThat(runtime.shutdown(WAIT)).isTrue();
    assertThat(processes).allSatisfy(p -> assertThat(p.exitReason()).contains(ExitReason.KILLED));
    assertThat(runtime.processCount()).isZero();
    assertThatThrownBy(() -> runtime.spawn(context -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void selectOverTwoTopicsOfAProcess() throws Exception {
    ProcessRuntime runtime = runtime(ProcessThreads.AUTO);
    CountDownLatch listening = new CountDownLatch(1);
    CompletableFuture<List<Object>> got = new CompletableFuture<>();
    RunningProcess process =
        runtime.spawn(
            context -> {
              List<SelectCase> cases =
                  Arrays.asList(
                      SelectCase.receive(context.listen("a")),
                      SelectCase.receive(context.listen("b")));
              listening.countDown();
              Selected selected = Select.select(cases);
              got.complete(List.of(selected.index(), ((Message) selected.value()).payload()));
            });
    listening.await();
    runtime.send(process.pid(), process.pid(), "b", "on-b");
    assertThat(got.get(5, TimeUnit.SECONDS)).containsExactly(1, "on-b");
  }
}
