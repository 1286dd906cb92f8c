package gatewatch.features.content;

import java.util.List;

/**
 * The login dialogue of a terminal session (telnet, rlogin) as the server writes it. From Bro's
 * login analyzer ({@code login_prompts}, {@code login_failure_msgs}, {@code login_non_failure_msgs},
 * {@code login_success_msgs}), the ancestor of the KDD extractor.
 */
final class LoginRules {
    enum Event { LOGIN_PROMPT, PASSWORD_PROMPT, FAILURE, NOT_FAILURE, SUCCESS }

    static final List<Rule<Event>> SERVER = List.of(
            Rule.of(Event.LOGIN_PROMPT, "(?:^|\\s)(?:login|username|user name|user|name)\\s*:\\s*$",
                    "Bro login_prompts: Login:, login:, Name:, Username:, User:")
                    .requiring("login", "user", "name"),
            Rule.of(Event.PASSWORD_PROMPT, "password(?: for \\S+)?\\s*:\\s*$",
                    "RFC 854 sessions: login(1) asks 'Password:'")
                    .requiring("password"),
            Rule.exact(Event.FAILURE, "[Ii]ncorrect|[Ii]nvalid|INVALID|[Ff]ailure|Login failed|Sorry[.,]|Access denied|Permission denied",
                    "Bro login_failure_msgs (login(1): 'Login incorrect')")
                    .requiring("incorrect", "invalid", "failure", "login failed", "sorry", "access denied",
                            "permission denied"),
            Rule.of(Event.NOT_FAILURE, "failures? since last|unsuccessful login attempts",
                    "Bro login_non_failure_msgs: '<n> failures since last login' follows a success")
                    .requiring("since last", "unsuccessful login attempts"),
            Rule.exact(Event.SUCCESS, "Last login|Last successful login|checking for disk quotas|You have (?:new )?mail",
                    "Bro login_success_msgs; login(1) and the shell's first messages")
                    .requiring("last login", "last successful login", "checking for disk quotas", "you have"));

    private LoginRules() {
    }
}
