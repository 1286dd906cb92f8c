<?php
// Deliberately vulnerable (command injection): the argument goes to a shell unchecked. It runs
// inside the lab's server namespace only, whose hosts and resolv.conf keep lookups local.
$host = $_GET['host'] ?? 'localhost';
echo "<!doctype html>\n<html><head><title>Host lookup</title></head><body>\n<h1>Host lookup</h1>\n<pre>";
echo htmlspecialchars(shell_exec('getent hosts ' . $host . ' 2>&1') ?? '');
echo "</pre>\n</body></html>\n";
