#include "billing/document/pdf_output.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>

#include "billing/document/bill_page.h"

namespace rp::billing::document {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};

struct ContextDeleter {
  void operator()(cairo_t* cairo) const { cairo_destroy(cairo); }
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> render_pdf(const PdfMetadata& metadata,
                               const std::function<void(Canvas&)>& draw, const std::string& what) {
  std::string pdf;
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &pdf, kPageWidth, kPageHeight));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Ratepayer");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                 metadata.created.c_str());
  {
    std::unique_ptr<cairo_t, ContextDeleter> cairo(cairo_create(surface.get()));
    Canvas canvas(cairo.get());
    draw(canvas);
  }
  // Finishing writes the fonts, the cross-reference table and the trailer into `pdf`.
  cairo_surface_finish(surface.get());
  const cairo_status_t status = cairo_surface_status(surface.get());
  if (status != CAIRO_STATUS_SUCCESS) {
    return internal_error(what +
                          ": cairo could not write the PDF: " + cairo_status_to_string(status));
  }
  return pdf;
}

}  // namespace rp::billing::document
