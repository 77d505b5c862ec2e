package io.earpiece.db.routing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** What routing rules did per call. */
public interface RoutedMessageRepository extends JpaRepository<RoutedMessageEntity, String> {

    List<RoutedMessageEntity> findByCallIdOrderBySeqAsc(String callId);
}
