package dev.vigil.archfixturebeta.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RestController;

/** Fixture: breaks "controllers do not talk to SQL". */
@RestController
public class SqlController {
    private final JdbcTemplate jdbc;

    public SqlController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }
}
