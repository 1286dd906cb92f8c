<?php
// Deliberately vulnerable (SQL injection): the lab's attack scenarios target it.
$db = new SQLite3(__DIR__ . '/../shop.db', SQLITE3_OPEN_READONLY);
$message = '';
if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $user = $_POST['user'] ?? '';
    $pass = $_POST['pass'] ?? '';
    $row = @$db->querySingle("SELECT name FROM users WHERE name = '$user' AND password = '$pass'", true);
    $message = $row ? 'Welcome, ' . htmlspecialchars($row['name']) . '!' : 'Login failed';
}
?>
<!doctype html>
<html><head><title>Log in</title></head><body>
<h1>Log in</h1>
<p><?= $message ?></p>
<form method="post" action="/login.php">
<input name="user" placeholder="user"> <input name="pass" type="password" placeholder="password">
<button>log in</button>
</form>
</body></html>
