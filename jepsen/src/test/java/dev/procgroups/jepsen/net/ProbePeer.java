package dev.procgroups.jepsen.net;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny network peer run as its own JVM inside the namespace: it echoes TCP lines and reports UDP
 * datagrams on {@code ip:port}, and on stdin takes {@code tcp IP PORT} (prints {@code tcp ok} or
 * {@code tcp fail}) and {@code udp IP PORT NONCE} (sends NONCE from its bound UDP socket).
 */
public final class ProbePeer {
  public static void main(String[] args) throws Exception {
    InetAddress self = InetAddress.getByName(args[0]);
    int port = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ServerSocket server = new ServerSocket(port, 50, self);
    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(self, port));
    daemon(() -> echo(server));
    daemon(() -> report(udp, out));
    out.println("ready");
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] w = line.split(" ");
      InetSocketAddress target = new InetSocketAddress(w[1], Integer.parseInt(w[2]));
      if (w[0].equals("tcp")) {
        out.println(tcp(target) ? "tcp ok" : "tcp fail");
      } else {
        byte[] nonce = w[3].getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(nonce, nonce.length, target));
      }
    }
  }

  private static boolean tcp(InetSocketAddress target) {
    try (Socket s = new Socket()) {
      s.connect(target, 700);
      s.setSoTimeout(700);
      s.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
              .readLine()
          != null;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static void echo(ServerSocket server) {
    while (true) {
      try (Socket c = server.accept()) {
        c.setSoTimeout(2000);
        String line =
            new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        c.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        // A probe that timed out on its side; keep serving.
      }
    }
  }

  private static void report(DatagramSocket udp, PrintStream out) {
    byte[] buf = new byte[256];
    while (true) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        udp.receive(p);
        out.println("udp " + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        return;
      }
    }
  }

  private static void daemon(Runnable body) {
    Thread t = new Thread(body);
    t.setDaemon(true);
    t.start();
  }
}
