package fr.usinesouvertes.webapp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jackrabbit.oak.api.Type;
import org.apache.jackrabbit.oak.plugins.document.ClusterNodeInfoDocument;
import org.apache.jackrabbit.oak.plugins.document.DocumentNodeStore;
import org.apache.jackrabbit.oak.plugins.document.rdb.RDBDocumentNodeStoreBuilder;
import org.apache.jackrabbit.oak.plugins.document.rdb.RDBOptions;
import org.apache.jackrabbit.oak.spi.state.ChildNodeEntry;
import org.apache.jackrabbit.oak.spi.state.NodeState;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Reads the cluster's PostgreSQL document store directly, read-only, as a third Oak instance: the
 * registrations and slot counters as they are stored, not as a node's caches or answers show them,
 * and which cluster nodes are still active (not yet recovered after a crash).
 */
final class RegistrationAudit implements AutoCloseable {

    /** A stored registration. */
    record StoredRegistration(String id, String slot, String status, long persons) {
    }

    /** A stored slot's ledger. */
    record StoredSlot(String id, long capacity, long bookedPersons, long waitingRegistrations) {
    }

    private final DocumentNodeStore store;

    private RegistrationAudit(DocumentNodeStore store) {
        this.store = store;
    }

    static RegistrationAudit open(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return new RegistrationAudit(new RDBDocumentNodeStoreBuilder()
                .setRDBConnection(dataSource, new RDBOptions()).setReadOnlyMode().build());
    }

    /** Whether Oak still considers this cluster node active: it has not stopped cleanly nor been recovered. */
    boolean isActive(int clusterId) {
        return ClusterNodeInfoDocument.all(store.getDocumentStore()).stream()
                .anyMatch(info -> info.getClusterId() == clusterId && info.isActive());
    }

    /** Every registration under {@code /registrations}, by identifier. */
    Map<String, StoredRegistration> registrations() {
        Map<String, StoredRegistration> registrations = new HashMap<>();
        NodeState root = store.getRoot().getChildNode("registrations");
        for (ChildNodeEntry folder : root.getChildNodeEntries()) {
            for (ChildNodeEntry entry : folder.getNodeState().getChildNodeEntries()) {
                NodeState node = entry.getNodeState();
                if (!node.hasProperty("status")) {
                    continue; // e.g. a company's access policy
                }
                String id = node.getString("jcr:uuid");
                registrations.put(id, new StoredRegistration(id, node.getString("slot"), node.getString("status"),
                        node.getProperty("persons").getValue(Type.LONG)));
            }
        }
        return registrations;
    }

    /** The slot with this identifier, searched in every event sheet. */
    Optional<StoredSlot> slot(String slotId) {
        for (StoredSlot slot : slots()) {
            if (slot.id().equals(slotId)) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    private List<StoredSlot> slots() {
        List<StoredSlot> slots = new ArrayList<>();
        for (ChildNodeEntry year : store.getRoot().getChildNode("events").getChildNodeEntries()) {
            for (ChildNodeEntry sheet : year.getNodeState().getChildNodeEntries()) {
                for (ChildNodeEntry slot : sheet.getNodeState().getChildNode("slots").getChildNodeEntries()) {
                    NodeState node = slot.getNodeState();
                    if (node.hasProperty("capacity") && node.hasProperty("jcr:uuid")) {
                        // the counters are on the slot's registrations folder (SlotLedger)
                        NodeState ledger = store.getRoot().getChildNode("registrations").getChildNode(node.getString("jcr:uuid"));
                        slots.add(new StoredSlot(node.getString("jcr:uuid"), number(node, "capacity"),
                                number(ledger, "bookedPersons"), number(ledger, "waitingRegistrations")));
                    }
                }
            }
        }
        return slots;
    }

    private static long number(NodeState node, String name) {
        return node.hasProperty(name) ? node.getProperty(name).getValue(Type.LONG) : 0;
    }

    @Override
    public void close() {
        store.dispose();
    }
}
