package io.earpiece.console.analytics;

import io.earpiece.console.call.SegmentStoreRetry;
import io.earpiece.db.analytics.CallTalkFigures;
import io.earpiece.plugins.CallEventListener;
import io.earpiece.plugins.CallInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Stores a call's talk figures ({@link CallTalkFigures}) once its transcript is final. Every call's after-call
 * work starts with the same {@code callEnded} hand-off, after its finals are stored: a live call's at its hang-up, a
 * deferred call's after its after-call transcript, an upload's after its transaction (and again after a restart
 * that came before it was announced). Refreshing from the stored lines makes a second run harmless.
 */
@Component
public class CallTalkRecorder implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(CallTalkRecorder.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SegmentStoreRetry retry;

    public CallTalkRecorder(DataSource dataSource, PlatformTransactionManager transactions, SegmentStoreRetry retry) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.retry = retry;
    }

    @Override
    public void callEnded(CallInfo call) {
        try {
            // retried while the database is away, as the summary is: the dashboard would miss the call otherwise
            retry.store("talk figures of call " + call.callId(), () -> record(call.callId()));
        } catch (RuntimeException e) {
            log.error("storing the talk figures of call {} failed", call.callId(), e);
        }
    }

    /** Works out and stores the call's figures from its stored lines; returns the rows written (0: no lines). */
    public int record(String callId) {
        Integer rows = tx.execute(status -> jdbc.execute((ConnectionCallback<Integer>) c -> CallTalkFigures.refresh(c, callId)));
        return rows == null ? 0 : rows;
    }
}
