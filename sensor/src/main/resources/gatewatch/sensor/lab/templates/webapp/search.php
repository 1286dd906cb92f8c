<?php
// Deliberately vulnerable (SQL injection, errors shown): the lab's attack scenarios target it.
$db = new SQLite3(__DIR__ . '/../shop.db', SQLITE3_OPEN_READONLY);
$db->enableExceptions(true);
$q = $_GET['q'] ?? '';
echo "<!doctype html>\n<html><head><title>Search</title></head><body>\n<h1>Search</h1>\n";
try {
    $res = $db->query("SELECT id, name, price FROM products WHERE name LIKE '%$q%' ORDER BY id");
    echo "<table>\n";
    while ($row = $res->fetchArray(SQLITE3_ASSOC)) {
        echo '<tr><td>' . $row['id'] . '</td><td>' . htmlspecialchars($row['name']) . '</td><td>' . $row['price'] . "</td></tr>\n";
    }
    echo "</table>\n";
} catch (Exception $e) {
    echo '<p>SQL error: ' . htmlspecialchars($e->getMessage()) . "</p>\n";
}
echo "</body></html>\n";
