# Drives an interactive login (ssh -tt, telnet) through a pseudo-terminal at a human pace for
# gatewatch lab: answers LOGIN/PASSWORD prompts when asked, waits for the shell PROMPT, types each
# command key by key (60-250 ms between keys), reads the output, thinks 0.5-3 s, and ends with
# "exit". argv: SEED PROMPT LOGIN PASSWORD COMMANDS(separated by ';;') -- PROGRAM ARGS...
# LOGIN or PASSWORD "-" means that prompt does not come.
import os, pty, random, select, sys, time

seed, prompt, login, password, commands = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3], sys.argv[4], sys.argv[5]
argv = sys.argv[sys.argv.index("--") + 1:]
rnd = random.Random(seed)
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)

seen = b""

def read_until(marks, limit=20.0):
    global seen
    end = time.monotonic() + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return None
            if not chunk:
                return None
            seen += chunk
            for m in marks:
                if m in seen:
                    seen = seen[seen.index(m) + len(m):]
                    return m
    raise SystemExit("timed out waiting for %r; got %r" % (marks, seen[-200:]))

def type_line(text):
    for ch in text:
        os.write(fd, ch.encode())
        time.sleep(rnd.uniform(0.06, 0.25))
    os.write(fd, b"\r")

if login != "-":
    read_until([b"login: "])
    time.sleep(rnd.uniform(0.5, 1.5))
    type_line(login)
if password != "-":
    read_until([b"assword: ", b"assword:"])
    time.sleep(rnd.uniform(0.5, 1.5))
    for ch in password:
        os.write(fd, ch.encode())
        time.sleep(rnd.uniform(0.05, 0.18))
    os.write(fd, b"\r")
typed = 0
for cmd in commands.split(";;"):
    read_until([prompt], 30.0)
    time.sleep(rnd.uniform(0.5, 3.0))
    type_line(cmd)
    typed += 1
read_until([prompt], 30.0)
time.sleep(rnd.uniform(0.3, 1.5))
type_line("exit")
try:
    while read_until([b"\x00never"], 10.0) is not None:
        pass
except SystemExit:
    pass
_, status = os.waitpid(pid, 0)
print("commands_typed", typed)
print("exit_status", os.waitstatus_to_exitcode(status))
