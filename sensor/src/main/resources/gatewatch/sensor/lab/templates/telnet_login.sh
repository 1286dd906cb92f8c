#!/bin/sh
# The login(1) of gatewatch lab's telnet server: asks for a user and password like login does and
# starts an unprivileged shell (setpriv) for the lab user. The real /bin/login would write the
# host's wtmp and lastlog, which a lab run must not touch.
printf 'Debian GNU/Linux 12\r\n\r\n'
tries=0
while [ $tries -lt 3 ]; do
    printf 'lab login: '
    read -r user
    stty -echo
    printf 'Password: '
    read -r pass
    stty echo
    printf '\r\n'
    if [ "$user" = "${USER}" ] && [ "$pass" = "${PASSWORD}" ]; then
        cd ${HOME}
        HOME=${HOME} PS1='lab$ ' exec setpriv --reuid=${UID} --regid=${UID} --clear-groups /bin/sh -i
    fi
    sleep 2
    printf 'Login incorrect\r\n'
    tries=$((tries + 1))
done
exit 1
