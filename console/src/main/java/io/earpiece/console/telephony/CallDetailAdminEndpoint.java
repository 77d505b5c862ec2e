package io.earpiece.console.telephony;

import io.earpiece.console.api.PageParams;
import io.earpiece.db.telephony.CallDetailRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.util.List;

import static io.earpiece.console.telephony.TrunkAdminEndpoint.blocking;

/** Admin API over the call detail records of relayed calls, newest first. */
@RestController
@RequestMapping("/api/admin/call-details")
@ConditionalOnProperty(prefix = "earpiece.telephony", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CallDetailAdminEndpoint {

    private final CallDetailRepository details;

    public CallDetailAdminEndpoint(CallDetailRepository details) {
        this.details = details;
    }

    @GetMapping
    public Mono<List<AdminViews.CallDetailView>> list(@RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "50") int size) {
        PageParams.check(page, size);
        return blocking(() -> details.findAllByOrderByStartedAtDesc(PageRequest.of(page, size)).stream()
                .map(AdminViews::detail).toList());
    }

    @GetMapping("/{id}")
    public Mono<AdminViews.CallDetailView> get(@PathVariable String id) {
        return blocking(() -> details.findById(id).map(AdminViews::detail).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no call detail " + id)));
    }
}
