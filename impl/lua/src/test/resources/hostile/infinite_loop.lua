-- Never yield the thread.
while true do end
