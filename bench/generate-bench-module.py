#!/usr/bin/env python3
"""Writes the 'bench' light module used by platform-bench.sh: a delivery endpoint and a bootstrap
file with one parent page and N child pages, in Magnolia's YAML export format."""
import sys
import uuid
from pathlib import Path

target = Path(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 150
(target / "restEndpoints" / "delivery").mkdir(parents=True, exist_ok=True)
(target / "bootstrap").mkdir(parents=True, exist_ok=True)
(target / "module.yaml").write_text("version: 1.0\n")
(target / "restEndpoints" / "delivery" / "bench_v1.yaml").write_text(
    "$type: jcrDeliveryEndpoint_v2\n"
    "workspace: website\n"
    "rootPath: /bench\n"
    "depth: 1\n"
    "nodeTypes: [mgnl:page]\n"
    "childNodeTypes: [mgnl:area, mgnl:component]\n"
    "limit: 100\n")

def node_uuid(name):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "bench:" + name))

lines = ["'bench':", "  'jcr:primaryType': 'mgnl:page'", f"  'jcr:uuid': '{node_uuid('bench')}'",
         "  'title': 'Bench'"]
regions = ["Occitanie", "Grand Est", "Normandie", "Bretagne", "Hauts-de-France"]
for i in range(count):
    name = f"page-{i:03d}"
    lines += [f"  '{name}':",
              "    'jcr:primaryType': 'mgnl:page'",
              f"    'jcr:uuid': '{node_uuid(name)}'",
              f"    'title': 'Usine numéro {i}'",
              f"    'region': '{regions[i % len(regions)]}'",
              f"    'visitors': {i * 7}",
              f"    'lead': 'Une usine ouverte au public, le vendredi et le samedi, numéro {i}.'",
              "    'main':",
              "      'jcr:primaryType': 'mgnl:area'",
              "      '0':",
              "        'jcr:primaryType': 'mgnl:component'",
              f"        'jcr:uuid': '{node_uuid(name + '/main/0')}'",
              "        'text': '<p>Découvrez les métiers de l&#39;industrie.</p>'"]
(target / "bootstrap" / "website.bench.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
