package io.earpiece.console.plugin;

import io.earpiece.plugins.CallEventListener;
import io.earpiece.plugins.CallInfo;
import io.earpiece.plugins.SegmentInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/** Hands call events to every plugin listener; a failing plugin is logged and never breaks the call path. */
@Component
public class PluginDispatcher {

    private static final Logger log = LoggerFactory.getLogger(PluginDispatcher.class);

    private final List<CallEventListener> listeners = new ArrayList<>();

    public PluginDispatcher(ObjectProvider<CallEventListener> beans) {
        ServiceLoader.load(CallEventListener.class).forEach(listeners::add);
        beans.orderedStream().forEach(listeners::add);
        log.info("call-event plugins: {}", listeners.stream().map(l -> l.getClass().getSimpleName()).toList());
    }

    public void callStarted(CallInfo call) {
        each(l -> l.callStarted(call));
    }

    public void segment(SegmentInfo segment) {
        each(l -> l.segment(segment));
    }

    public void callEnded(CallInfo call) {
        each(l -> l.callEnded(call));
    }

    private void each(Consumer<CallEventListener> action) {
        for (CallEventListener l : listeners) {
            try {
                action.accept(l);
            } catch (RuntimeException e) {
                log.warn("plugin {} failed", l.getClass().getName(), e);
            }
        }
    }
}
