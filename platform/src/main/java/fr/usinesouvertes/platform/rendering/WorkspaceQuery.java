package fr.usinesouvertes.platform.rendering;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.qom.Constraint;
import javax.jcr.query.qom.QueryObjectModel;
import javax.jcr.query.qom.QueryObjectModelFactory;
import javax.jcr.query.qom.Selector;
import javax.jcr.query.qom.Source;
import org.apache.jackrabbit.commons.query.sql2.Parser;

/**
 * A JCR-SQL2 statement written for one Magnolia workspace ({@code SELECT * FROM [mgnl:page] WHERE
 * ISDESCENDANTNODE('/travel')}), run on the subtree holding that workspace in this repository ({@code /live/website}
 * for visitors, {@code /website} for the drafts): the statement is parsed (Jackrabbit's SQL2 parser building Oak's query
 * object model, never edited as text), each path it names ({@code ISDESCENDANTNODE}, {@code ISCHILDNODE},
 * {@code ISSAMENODE}) is taken below the subtree, and every selector is kept inside it, so a statement reaches nothing
 * else (neither another workspace nor the drafts from the public site).
 */
final class WorkspaceQuery {

    /** The most nodes one statement returns to a template. */
    static final int MAX_RESULTS = 1_000;

    private WorkspaceQuery() {
    }

    /**
     * The nodes {@code statement} finds below {@code root} (the JCR path of the workspace in the request's stage),
     * at most {@link #MAX_RESULTS}; {@link IllegalArgumentException} for a statement that cannot be parsed.
     */
    static List<Node> run(Session session, String root, String statement) throws RepositoryException {
        QueryObjectModelFactory oak = session.getWorkspace().getQueryManager().getQOMFactory();
        QueryObjectModelFactory scoped = (QueryObjectModelFactory) Proxy.newProxyInstance(
                WorkspaceQuery.class.getClassLoader(), new Class<?>[] {QueryObjectModelFactory.class},
                new Scoping(oak, root));
        QueryObjectModel query;
        try {
            query = new Parser(scoped, session.getValueFactory()).createQueryObjectModel(statement);
        } catch (javax.jcr.query.InvalidQueryException e) {
            throw new IllegalArgumentException("Cannot read the query '" + statement + "': " + e.getMessage(), e);
        }
        query.setLimit(MAX_RESULTS);
        List<Node> found = new ArrayList<>();
        for (NodeIterator nodes = query.execute().getNodes(); nodes.hasNext(); ) {
            found.add(nodes.nextNode());
        }
        return found;
    }

    /** Oak's factory, with the statement's paths below {@code root} and each query kept inside it. */
    private static final class Scoping implements InvocationHandler {

        private final QueryObjectModelFactory oak;
        private final String root;

        Scoping(QueryObjectModelFactory oak, String root) {
            this.oak = oak;
            this.root = root;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object[] arguments = args;
            switch (method.getName()) {
                case "descendantNode", "childNode", "sameNode" -> {
                    arguments = args.clone();
                    int path = arguments.length - 1; // (selectorName, path)
                    arguments[path] = below((String) arguments[path]);
                }
                case "createQuery" -> {
                    arguments = args.clone();
                    arguments[1] = inside((Source) arguments[0], (Constraint) arguments[1]);
                }
                default -> {
                    // every other part of the statement as Oak builds it
                }
            }
            try {
                return method.invoke(oak, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private String below(String path) {
            return path.equals("/") ? root : root + (path.startsWith("/") ? path : "/" + path);
        }

        /** The statement's constraint and, for each selector of its source, being below the root. */
        private Constraint inside(Source source, Constraint constraint) throws RepositoryException {
            Constraint all = constraint;
            for (String selector : selectors(source)) {
                Constraint scope = oak.descendantNode(selector, root);
                all = all == null ? scope : oak.and(all, scope);
            }
            return all;
        }

        private static List<String> selectors(Source source) {
            List<String> names = new ArrayList<>();
            if (source instanceof Selector selector) {
                names.add(selector.getSelectorName());
            } else if (source instanceof javax.jcr.query.qom.Join join) {
                names.addAll(selectors(join.getLeft()));
                names.addAll(selectors(join.getRight()));
            }
            return names;
        }
    }
}
