package dev.procgroups.security;

/** A policy file that cannot be read as a policy; the message says where and why. */
public final class PolicyException extends Exception {
  public PolicyException(String message) {
    super(message);
  }
}
