# category: xpath-injection
# label: vulnerable
# source: lxml docs: XPath and XSLT with lxml, "The xpath() method" (XPath variables as keyword arguments); OWASP Web Security Testing Guide, "Testing for XPath Injection" (WSTG-INPV-09)
# expect: 20
# note: The section_id URL kwarg is put into the XPath with str.format(), so "x' or @draft or 'a'='b" serves draft sections.
from django.http import Http404
from django.views.generic import TemplateView
from lxml import etree

MANUAL = etree.parse("/srv/docs/manual.xml")


class ManualSectionView(TemplateView):
    template_name = "manual/section.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        section_id = self.kwargs["section_id"]
        expr = "//section[@id='{}' and not(@draft)]".format(section_id)
        nodes = MANUAL.xpath(expr)
        if not nodes:
            raise Http404
        ctx["title"] = nodes[0].findtext("title")
        ctx["paragraphs"] = [p.text for p in nodes[0].iter("para")]
        return ctx
