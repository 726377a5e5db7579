# category: xpath-injection
# label: safe
# source: lxml docs: XPath and XSLT with lxml, "The xpath() method" (XPath variables as keyword arguments); OWASP Web Security Testing Guide, "Testing for XPath Injection" (WSTG-INPV-09)
# expect: none
# note: The XPath is constant and the section id is bound as the variable $sid.
from django.http import Http404
from django.views.generic import TemplateView
from lxml import etree

MANUAL = etree.parse("/srv/docs/manual.xml")


class ManualSectionView(TemplateView):
    template_name = "manual/section.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        section_id = self.kwargs["section_id"]
        expr = "//section[@id=$sid and not(@draft)]"
        nodes = MANUAL.xpath(expr, sid=section_id)
        if not nodes:
            raise Http404
        ctx["title"] = nodes[0].findtext("title")
        ctx["paragraphs"] = [p.text for p in nodes[0].iter("para")]
        return ctx
