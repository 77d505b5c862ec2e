package io.earpiece.console.upload;

import io.earpiece.console.cluster.NodeIdentity;
import io.earpiece.db.upload.UploadJobEntity;
import io.earpiece.db.upload.UploadJobRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which node runs which upload job. A node runs a job only once it holds the job's claim, taken in a committed
 * transaction ({@code SELECT … FOR UPDATE SKIP LOCKED} on PostgreSQL), and renews the claim while the job is queued
 * or running here; so two nodes on one database never run the same job, and a job whose node died is claimed by
 * another once the claim has run out. A node alone on its database (no cluster configured) owns every open job at
 * start, as before clustering.
 */
@Component
public class UploadClaims {

    /** Rows read beyond the wanted number, so jobs whose file this node cannot read do not hide the others. */
    private static final int LOOK_AHEAD = 20;

    private final UploadJobRepository jobs;
    private final NodeIdentity node;
    private final UploadProperties properties;

    public UploadClaims(UploadJobRepository jobs, NodeIdentity node, UploadProperties properties) {
        this.jobs = jobs;
        this.node = node;
        this.properties = properties;
    }

    /**
     * Claims up to {@code max} open jobs for this node, oldest first; returns their ids. {@code starting}: also the
     * jobs this node's earlier run left claimed (and, alone on its database, all open jobs). In a cluster a job
     * whose stored file this node cannot read is left for one that can (give the nodes a shared uploads volume).
     */
    @Transactional
    public List<String> claim(int max, boolean starting, Instant now) {
        if (max <= 0) {
            return List.of();
        }
        boolean alone = alone();
        List<String> claimed = new ArrayList<>();
        int rows = (int) Math.min(Integer.MAX_VALUE, (long) max + LOOK_AHEAD);
        for (UploadJobEntity job : jobs.findClaimable(now, starting ? node.id() : null, starting && alone,
                PageRequest.of(0, rows))) {
            if (claimed.size() == max) {
                break;
            }
            if (!alone && !Files.isReadable(Path.of(job.getStoredPath()))) {
                continue;
            }
            job.claim(node.id(), now.plus(properties.claimLease()));
            claimed.add(job.getId());
        }
        return claimed;
    }

    /** Whether this node is alone on its database (no cluster configured), so every open job is its own. */
    public boolean alone() {
        return !node.clustered();
    }

    /** A new job, claimed by this node from the start (it is saved by the caller). */
    public void claimNew(UploadJobEntity job, Instant now) {
        job.claim(node.id(), now.plus(properties.claimLease()));
    }

    /** Keeps this node's claims on {@code ids} for another lease. */
    public void renew(Collection<String> ids, Instant now) {
        if (!ids.isEmpty()) {
            jobs.renewClaims(ids, node.id(), now.plus(properties.claimLease()));
        }
    }

    /** Gives the job up (this node stops before finishing it), so another node may take it at once. */
    public void release(String id) {
        jobs.releaseClaim(id, node.id());
    }
}
