# The inetd part for telnetd in gatewatch lab (no systemd, no inetd config on the host): accepts
# on ADDRESS:23 and runs one telnetd per connection with the socket as its stdin/stdout, as inetd's
# "nowait" does. argv: ADDRESS TELNETD LOGIN_PROGRAM
import os, socket, sys
address, telnetd, login = sys.argv[1], sys.argv[2], sys.argv[3]
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((address, 23))
s.listen(16)
while True:
    conn, peer = s.accept()
    if os.fork() == 0:
        s.close()
        os.dup2(conn.fileno(), 0)
        os.dup2(conn.fileno(), 1)
        os.execv(telnetd, [telnetd, "-h", "-E", login])
    conn.close()
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass
