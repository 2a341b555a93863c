package dev.procgroups.process;

/**
 * The code a process runs. It returns to exit normally; an exception ends the process with {@link
 * ExitReason.Failed} (or {@link ExitReason#KILLED} if it was killed, for example the {@link
 * InterruptedException} a kill causes in a blocked receive).
 */
@FunctionalInterface
public interface ProcessBody {
  void run(ProcessContext context) throws Exception;
}
