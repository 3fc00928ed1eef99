package fr.usinesouvertes.events.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventsConfigTest {

    @Test
    void theSendersBareAddressIsReadAsMailReadsIt() {
        assertThat(EventsConfig.bareAddress("Journées Usines Ouvertes <contact@usines.example>"))
                .isEqualTo("contact@usines.example");
        assertThat(EventsConfig.bareAddress("\"Usines, Ouvertes <équipe>\" <equipe@usines.example>"))
                .isEqualTo("equipe@usines.example");
        assertThat(EventsConfig.bareAddress(" contact@usines.example ")).isEqualTo("contact@usines.example");
    }
}
