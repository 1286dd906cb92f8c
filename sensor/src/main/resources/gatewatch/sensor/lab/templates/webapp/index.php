<!doctype html>
<html><head><title>Lab shop</title></head><body>
<h1>Lab shop</h1>
<ul>
<li><a href="/login.php">log in</a></li>
<li><a href="/search.php?q=lamp">search the catalogue</a></li>
<li><a href="/lookup.php?host=localhost">host lookup</a></li>
</ul>
</body></html>
