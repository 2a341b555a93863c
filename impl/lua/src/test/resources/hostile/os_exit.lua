-- Stop the whole JVM.
os.exit(1)
