package dev.berth.cli.command;

import dev.berth.cli.api.ApiException;

/** The message a failed request leaves on standard error: the server's message, its code, and what to do. */
final class Failures {
    private Failures() {}

    static String describe(ApiException e) {
        String code = e.code().isEmpty() ? "" : " (" + e.code() + ")";
        String hint =
                switch (e.status()) {
                    case 401 ->
                        "; sign in again with 'berth login SERVER -u USER', or check BERTH_USERNAME and BERTH_PASSWORD";
                    case 403 -> "; ask an Owner of the registry or an installation administrator for a role";
                    case 429 -> "; try again in a little while";
                    default -> "";
                };
        return e.getMessage() + code + hint;
    }
}
