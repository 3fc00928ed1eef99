[#assign image = (damfn.getAsset(content.image!""))!""]
[#if image?has_content]<figure class="image"><img src="${image.link}" alt="${image.alt!""}">[#if image.caption?? || image.credit??]<figcaption>[#if image.caption??]<span class="caption">${image.caption}</span>[/#if][#if image.credit??] <span class="credit">${image.credit}</span>[/#if]</figcaption>[/#if]</figure>[/#if]
