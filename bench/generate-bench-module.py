#!/usr/bin/env python3
"""Writes the 'bench' light module used by platform-bench.sh: a content type with its own workspace
(so the site's pages are untouched), a delivery endpoint, and a bootstrap file with one folder of N
items in Magnolia's YAML export format."""
import sys
import uuid
from pathlib import Path

target = Path(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 150
(target / "restEndpoints" / "delivery").mkdir(parents=True, exist_ok=True)
(target / "bootstrap").mkdir(parents=True, exist_ok=True)
(target / "contentTypes").mkdir(parents=True, exist_ok=True)
(target / "contentTypes" / "benchItem.yaml").write_text(
    "datasource:\n  workspace: bench\n"
    "model:\n  nodeType: mgnl:content\n  properties:\n"
    "    - name: title\n    - name: region\n    - name: visitors\n      type: Long\n    - name: lead\n")
(target / "module.yaml").write_text("version: 1.0\n")
(target / "restEndpoints" / "delivery" / "bench_v1.yaml").write_text(
    "$type: jcrDeliveryEndpoint_v2\n"
    "workspace: bench\n"
    "rootPath: /items\n"
    "depth: 1\n"
    "nodeTypes: [mgnl:content]\n"
    "childNodeTypes: [mgnl:contentNode]\n"
    "limit: 100\n")

def node_uuid(name):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "bench:" + name))

lines = ["'items':", "  'jcr:primaryType': 'mgnl:folder'", f"  'jcr:uuid': '{node_uuid('items')}'"]
regions = ["Occitanie", "Grand Est", "Normandie", "Bretagne", "Hauts-de-France"]
for i in range(count):
    name = f"page-{i:03d}"
    lines += [f"  '{name}':",
              "    'jcr:primaryType': 'mgnl:content'",
              f"    'jcr:uuid': '{node_uuid(name)}'",
              f"    'title': 'Usine numéro {i}'",
              f"    'region': '{regions[i % len(regions)]}'",
              f"    'visitors': {i * 7}",
              f"    'lead': 'Une usine ouverte au public, le vendredi et le samedi, numéro {i}.'",
              "    'details':",
              "      'jcr:primaryType': 'mgnl:contentNode'",
              f"      'jcr:uuid': '{node_uuid(name + '/details')}'",
              "      'text': '<p>Découvrez les métiers de l&#39;industrie.</p>'"]
(target / "bootstrap" / "bench.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
