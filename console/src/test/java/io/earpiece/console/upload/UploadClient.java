package io.earpiece.console.upload;

import io.earpiece.console.api.CallViews;
import io.earpiece.console.summary.SummaryView;
import io.earpiece.console.testing.TestAuth;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The upload API as the tests drive it. */
final class UploadClient {

    final WebTestClient http;

    UploadClient(int port) {
        this.http = TestAuth.as(port, TestAuth.adminToken(port)).mutate()
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    /**
     * POSTs {@code file} as the multipart part {@code file} named {@code name}, with its SHA-256 in
     * {@code Upload-Checksum} so that the server refuses bytes that changed on the way. A refusal for that reason
     * is sent once more (and said on stdout): what is under test is what the server keeps, not the transfer.
     */
    EntityExchangeResult<Map> post(Path file, String name) {
        return post(file, name, "/api/uploads");
    }

    /** As {@link #post(Path, String)} to {@code uri} (the upload path with a query, e.g. {@code ?rep=2}). */
    EntityExchangeResult<Map> post(Path file, String name, String uri) {
        String checksum = "sha256 " + sha256(file);
        EntityExchangeResult<Map> result = post(file, name, checksum, uri);
        if (result.getStatus() == HttpStatus.UNPROCESSABLE_ENTITY
                && String.valueOf(result.getResponseBody().get("message")).contains("checksum mismatch")) {
            System.out.println("upload of " + name + " arrived changed, sending it again: "
                    + result.getResponseBody().get("message"));
            result = post(file, name, checksum, uri);
        }
        return result;
    }

    /** POSTs {@code file} to {@code uri} with the given {@code Upload-Checksum} header (none when null). */
    EntityExchangeResult<Map> post(Path file, String name, String checksum, String uri) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new FileSystemResource(file)).filename(name);
        return http.post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA)
                .headers(h -> {
                    if (checksum != null) {
                        h.set("Upload-Checksum", checksum);
                    }
                })
                .body(BodyInserters.fromMultipartData(form.build())).exchange().expectBody(Map.class).returnResult();
    }

    static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(file)));
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash " + file, e);
        }
    }

    UploadView accepted(Path file, String name) {
        return accepted(file, name, "/api/uploads");
    }

    UploadView accepted(Path file, String name, String uri) {
        EntityExchangeResult<Map> r = post(file, name, uri);
        assertThat(r.getStatus()).as("upload of %s: %s", name, r.getResponseBody()).isEqualTo(HttpStatus.ACCEPTED);
        return job((String) r.getResponseBody().get("id"));
    }

    UploadView job(String id) {
        return http.get().uri("/api/uploads/" + id).exchange().expectStatus().isOk().expectBody(UploadView.class)
                .returnResult().getResponseBody();
    }

    UploadView awaitFinal(String id, Duration within) {
        AtomicReference<UploadView> last = new AtomicReference<>();
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            last.set(job(id));
            return last.get().isFinal();
        });
        return last.get();
    }

    CallViews.CallDetail call(String id) {
        return http.get().uri("/api/calls/" + id).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
    }

    SummaryView awaitSummary(String callId) {
        AtomicReference<SummaryView> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            EntityExchangeResult<SummaryView> r = http.get().uri("/api/calls/" + callId + "/summary").exchange()
                    .expectBody(SummaryView.class).returnResult();
            found.set(r.getStatus().is2xxSuccessful() ? r.getResponseBody() : null);
            return found.get() != null;
        });
        return found.get();
    }

    int callCount() {
        return http.get().uri("/api/calls?size=500").exchange().expectStatus().isOk()
                .expectBodyList(CallViews.CallSummary.class).returnResult().getResponseBody().size();
    }
}
