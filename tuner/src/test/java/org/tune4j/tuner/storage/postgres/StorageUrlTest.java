package org.tune4j.tuner.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorageUrlTest {
    @Test
    void parsesUserHostPortAndDatabase() {
        StorageUrl u = StorageUrl.parse("postgresql://tune4j@db.example.org:6543/studies", "--storage");
        assertThat(u).isEqualTo(new StorageUrl("tune4j", "db.example.org", 6543, "studies"));
        assertThat(u.jdbc()).isEqualTo("jdbc:postgresql://db.example.org:6543/studies");
    }

    @Test
    void thePortDefaultsTo5432() {
        assertThat(StorageUrl.parse("postgresql://me@10.0.0.5/s", "--storage").port()).isEqualTo(5432);
    }

    @Test
    void malformedUrlsAreRefusedNamingTheOptionAndTheForm() {
        for (String bad : new String[] {"postgresql://nobody@/db", "mysql://a@b/c", "postgresql://a@b:99999/c",
                "postgresql://host/db", "postgresql://a@b/"}) {
            assertThatThrownBy(() -> StorageUrl.parse(bad, "TUNE4J_STORAGE")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TUNE4J_STORAGE: ");
        }
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> StorageUrl.parse("postgresql://me:s3cret@host/db", "--storage"))
                .hasMessageContaining("PGPASSWORD").hasMessageNotContaining("s3cret");
    }
}
