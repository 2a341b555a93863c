-- Run a shell command.
os.execute("touch /tmp/procgroups-hostile-pwned")
